/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.engine.job;

/**
 * A question the bench puts to the operator for the active step.
 *
 * @param step    the step's path, "operation/step"
 * @param kind    what answer the step needs
 * @param text    the step's instruction as the procedure words it
 * @param details what to measure and its limits, which material's lot, what to inspect against; may be empty
 */
public record Prompt(String step, Kind kind, String text, String details) {

    /** What a step needs from the operator. */
    public enum Kind {
        /** A confirmation that the instruction was carried out. */
        CONFIRM,
        /** A measured value in the step's unit. */
        MEASURE,
        /** The lot (batch) number of a material, typically scanned from its label. */
        LOT,
        /** An inspection result: pass, or fail with a note. */
        INSPECT
    }
}

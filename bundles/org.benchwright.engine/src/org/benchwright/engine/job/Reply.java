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

/** The operator's answer to a {@link Prompt}. */
public sealed interface Reply {

    /** The instruction was carried out. */
    record Done() implements Reply {
    }

    /** A measured value, in the unit the prompt names. */
    record Value(double value) implements Reply {
    }

    /** A material's lot number. */
    record Lot(String lot) implements Reply {
    }

    /** An inspection result; a failed one carries a note. */
    record Inspection(boolean passed, String note) implements Reply {
    }

    /** The step is skipped, with the reason. */
    record Skip(String reason) implements Reply {
    }

    /** The whole job is aborted, with the reason: heaters go off at once. */
    record Abort(String reason) implements Reply {
    }
}

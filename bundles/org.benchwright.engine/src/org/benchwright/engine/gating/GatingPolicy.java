/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.engine.gating;

/**
 * Limits a plant or a contract sets: IPC-7711/7721 sets no maximum number of rework actions, contracts may (BGA
 * programmes often limit thermal cycles per part).
 *
 * @param maxReworkActions per unit and reference designator; 0 for no limit
 * @param maxThermalCycles per unit and reference designator; 0 for no limit
 */
public record GatingPolicy(int maxReworkActions, int maxThermalCycles) {

    public static GatingPolicy unlimited() {
        return new GatingPolicy(0, 0);
    }
}

/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.store;

import java.util.Map;

/**
 * What every bench's records say a unit has been through.
 *
 * @param reworkActions per designator
 * @param thermalCycles per designator
 * @param unitCycles    the unit's thermal cycles, all its parts together
 */
public record UnitCounts(String unit, Map<String, Integer> reworkActions, Map<String, Integer> thermalCycles,
        int unitCycles) {

    public UnitCounts {
        reworkActions = Map.copyOf(reworkActions);
        thermalCycles = Map.copyOf(thermalCycles);
    }
}

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

import java.util.List;

import org.benchwright.model.ReworkCount;

/**
 * What the records say a unit has been through, as the gate weighs it: per designator the rework actions and
 * thermal cycles, the thermal cycles of the unit as a whole (one heat step heats the whole board, whatever parts it
 * works on), and the unit's records that cannot be trusted.
 *
 * @param designators   per designator, the sums of every record of the unit
 * @param thermalCycles the unit's thermal cycles, all its parts together
 * @param untrusted     the unit's records that are damaged or unreadable and that quality has not reviewed: their
 *                      counts may be too low, so no new job starts on the unit until they are reviewed
 */
public record UnitHistory(String unit, List<ReworkCount> designators, int thermalCycles, List<Untrusted> untrusted) {

    /**
     * A record of the unit whose counts cannot be trusted.
     *
     * @param record  its file name
     * @param problem what is wrong with it
     */
    public record Untrusted(String record, String problem) {
    }

    public UnitHistory {
        designators = List.copyOf(designators);
        untrusted = List.copyOf(untrusted);
    }

    /** A unit no record mentions. */
    public static UnitHistory none(String unit) {
        return new UnitHistory(unit, List.of(), 0, List.of());
    }

    /** The counts of one designator; zero counts when no record names it. */
    public ReworkCount designator(String designator) {
        return designators.stream().filter(c -> c.getDesignator().equals(designator)).findFirst().orElse(null);
    }
}

/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * {@code benchwright profile-benchmark} on its first three boards, one of each scenario: what it prints lets whoever
 * reads it tell a board the assistant missed from one no settings within the limits run well, and a refusal names
 * which way the board misses.
 */
class ProfileBenchmarkTest extends CommandLineTest {

    @Test
    void eachBoardSaysWhetherGoodSettingsExistAndARefusalWhichWayTheJointsMiss() {
        assertEquals(0, cli("profile-benchmark", "--boards", "3", "--board-limit", "240", LIBRARY.toString()),
                out() + err());
        List<String> boards = out().lines().filter(l -> l.startsWith("board ")).toList();
        assertEquals(3, boards.size(), out());
        assertTrue(boards.get(0).startsWith("board  1 chip-0603 good at run 2;"), out());
        // the 15 mm BGA: as hot as the board must be for its package, its joints stay molten too long
        assertTrue(boards.get(1).contains("refused: [no settings within the limits reflow this board's joints: the best"
                + " predicted run has time above liquidus"), out());
        assertTrue(boards.get(1).contains("keeps the joints molten too long as it cools"), out());
        assertTrue(!boards.get(1).contains("needs more heat from below"), out());
        // the 35 mm BGA at Tc 250: not the assistant's miss, no settings run it well on what the board really is
        assertTrue(boards.get(2).contains("refused: [no settings within the limits run this board safely"), out());
        assertTrue(boards.get(2).endsWith("the assistant's own search on its hidden parameters finds none that run it"
                + " well either"), out());
        assertTrue(out().contains("boards good settings exist for within the limits (board limit 240 °C; a good run,"
                + " or the assistant's own search run on the hidden parameters instead of a fit): 1 of 3; of them good"
                + " within 2 runs 1 (100 %)"), out());
        assertTrue(out().contains("bga-35mm  1 boards: good within 2 runs 0, at the third 0; good settings exist for"
                + " 0"), out());
    }
}

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

import java.time.Instant;
import java.util.List;

/**
 * One job as traceability shows it: what was done to which unit, by whom, where, with which lots, and how it ended.
 *
 * @param outcome   {@code completed}, {@code failed}, {@code aborted}, {@code refused}, or {@code interrupted} while
 *                  its record has no end
 * @param pwi       the worst Process Window Index of its heat steps; {@code NaN} without one
 * @param lots      "material lot" of every lot captured
 * @param entries   how many of its record's entries the store holds, each checked against the chain on arrival
 */
public record JobTrace(String job, String unit, String procedure, String revision, String procedureHash,
        String instruction, List<String> deviations, String technician, String station, String bench,
        Instant started, String outcome, double pwi, List<String> lots, long entries) {
}

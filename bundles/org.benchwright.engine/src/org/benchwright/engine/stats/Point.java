/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.engine.stats;

/**
 * One reading of the joint thermocouple during a heat step.
 *
 * @param time    seconds since the step started
 * @param celsius the temperature
 */
public record Point(double time, double celsius) {
}

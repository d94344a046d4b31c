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
 * What a heat step's joint thermocouple shows, the figures a run is judged by.
 *
 * @param peak              °C
 * @param timeAboveLiquidus s
 * @param maxRampUp         °C/s, steepest rise over the measuring window
 * @param maxRampDown       °C/s, steepest fall over the measuring window (a magnitude)
 * @param timeNearPeak      s within the near-peak band (5 °C) of the peak
 * @param soakTime          s inside the soak temperature window before the peak
 * @param timeToPeak        s from the start of the step to the peak
 */
public record Figures(double peak, double timeAboveLiquidus, double maxRampUp, double maxRampDown, double timeNearPeak,
        double soakTime, double timeToPeak) {
}

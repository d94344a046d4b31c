/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.engine.heat;

/**
 * What a thermocouple reads once its spikes are taken out, for control and the interlocks. A reading that jumps from
 * the last accepted one faster than a rework station can heat or cool anything ({@link #MAX_RATE}) is held back; when
 * {@link #CONFIRMATIONS} readings in a row agree with each other on the new level, the level is real (a thermocouple
 * re-seated, a true jump) and is taken. Plausible readings pass at once, with no delay.
 *
 * <p>A median of three let two spikes of a noisy thermocouple among three readings through, which near the peak
 * tripped the package's interlock on readings 50 °C above the package. Spikes that agree with each other three times in
 * a row are as unlikely as they would be real.
 */
public final class SpikeFilter {

    /** Faster than this no heater moves a joint, a package or a board, °C/s. */
    public static final double MAX_RATE = 20;
    /** The smallest jump ever held back, °C: below it a reading is noise, not a spike. */
    public static final double MIN_JUMP = 5;
    /** Readings in a row that must agree on a new level before it is taken. */
    public static final int CONFIRMATIONS = 3;

    private final double jump;
    private double accepted = Double.NaN;
    private double held = Double.NaN;
    private int holding;

    /** @param samplePeriod seconds between two readings */
    public SpikeFilter(double samplePeriod) {
        this.jump = Math.max(MIN_JUMP, MAX_RATE * samplePeriod);
    }

    /** Takes a reading; returns the temperature as the filter reads it now. */
    public double add(double celsius) {
        if (Double.isNaN(accepted) || Math.abs(celsius - accepted) <= jump) {
            accepted = celsius;
            holding = 0;
            return accepted;
        }
        holding = holding > 0 && Math.abs(celsius - held) <= jump ? holding + 1 : 1;
        held = celsius;
        if (holding >= CONFIRMATIONS) {
            accepted = celsius;
            holding = 0;
        }
        return accepted;
    }
}

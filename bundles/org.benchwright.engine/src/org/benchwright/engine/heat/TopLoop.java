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

import org.benchwright.driver.api.HeaterZone;
import org.benchwright.driver.api.Sample;
import org.benchwright.driver.api.StationException;
import org.benchwright.driver.api.TemperatureChannel;

/**
 * The top zone's loop while the joint follows its plan: the air that puts the joint where the plan will be
 * {@link #LOOK_AHEAD} s on, from the share of the air's excess over the board that reaches the joint ({@link AirShare},
 * learned as the step runs), plus a PI correction on how far the joint is from the plan now, capped for the package.
 * It also tells the zone, turning it off when the air asked for is cooler than the zone can hold, and remembers what
 * it told.
 *
 * <p>Not thread-safe: the heat step's lock guards it.
 */
final class TopLoop {

    /** How far ahead of the joint the controller looks on the reference, s (the thermal model: 5-10 s). */
    static final double LOOK_AHEAD = 5;
    /** How far under what it was told a zone's air may be before it counts as still heating up to it, °C. */
    static final double ZONE_LAGS = 15;
    /**
     * Without a board thermocouple: the air cools slowly (its time constant is minutes), so its feed-forward on how far
     * the plan will be above the joint looks further ahead.
     */
    static final double FEED_FORWARD_AHEAD = 12;
    static final double FEED_FORWARD = 1.5;
    static final double KP = 3;
    static final double KI = 0.1;
    /** What the record says the top zone was told when it was off, °C. */
    static final double OFF = 0;
    /** How far under its lowest setpoint the air asked for goes before the top zone is turned off, °C. */
    static final double OFF_BELOW = 10;

    private final HeaterZone top;
    /** The board's thermocouple; {@code null} when the station has none. */
    private final TemperatureChannel board;
    private final SpikeFilter boardFilter;
    private final AirShare share = new AirShare();
    private double integral;
    /** The board as the loop reads it, spikes held back; {@code NaN} before its first sample. */
    private double boardCelsius = Double.NaN;
    private double boardTime = Double.NaN;
    /** What the zone was last told, °C; {@link #OFF} while it is off. */
    private double commanded = OFF;
    /** When the zone was last turned on, s into the step. */
    private double engaged = Double.NEGATIVE_INFINITY;

    /**
     * @param board           the board's thermocouple, {@code null} without one
     * @param boardPeriodHint the sample period to filter the board with when its channel states none, s
     */
    TopLoop(HeaterZone top, TemperatureChannel board, double boardPeriodHint) {
        this.top = top;
        this.board = board;
        this.boardFilter = new SpikeFilter(board != null && board.samplePeriod() > 0 ? board.samplePeriod()
                : boardPeriodHint);
    }

    /**
     * The air that puts the joint on its plan, before the package's cap.
     *
     * @param now       the plan's value now, °C
     * @param reference the plan's value {@link #LOOK_AHEAD} s on
     * @param further   the plan's value {@link #FEED_FORWARD_AHEAD} s on
     * @param celsius   the joint, °C
     * @param cap       the package's cap on the air, °C ({@code +∞}: none)
     */
    double air(double now, double reference, double further, double celsius, double dt, double cap) {
        double error = now - celsius;
        Sample boardSample = board == null ? null : board.latest();
        if (boardSample != null && boardSample.valid() && !(boardSample.time() <= boardTime)) {
            boardTime = boardSample.time();
            boardCelsius = boardFilter.add(boardSample.celsius());
        }
        double air;
        if (!Double.isNaN(boardCelsius)) {
            // the share of the air's excess over the board that reaches the joint, learned as the step runs: the air
            // that puts the joint where the plan will be
            share.learn(top.zoneCelsius(), celsius, boardCelsius, dt);
            air = boardCelsius + (reference - boardCelsius) / share.share();
        } else if (board == null) {
            // no board to tell: take it as 60 °C under the plan, as a preheated board under a joint heating is
            air = reference + FEED_FORWARD * Math.max(0, further - (reference - 60));
        } else {
            air = reference; // the board's first sample has not come yet
        }
        boolean rising = commanded != OFF && top.zoneCelsius() < commanded - ZONE_LAGS;
        if (!rising && air + KP * error + integral < cap) {
            // a zone still heating up to what it was told, or held back for the package, adds nothing for more: the
            // integral waits for it
            integral = Math.max(-60, Math.min(60, integral + KI * error * dt));
        }
        air += KP * error + integral;
        if (rising) {
            air = Math.min(air, commanded);
        }
        if (error > 0 && cap == Double.POSITIVE_INFINITY) {
            // the joint below its plan gets at least the zone's lowest air: held off until the joint lagged far enough
            // to ask for it, it would then have to catch up faster than the plan rises
            air = Math.max(air, top.minCelsius());
        }
        return Math.min(top.maxCelsius(), Math.min(air, cap));
    }

    /**
     * Tells the zone the air it should blow; turns it off instead when that is cooler than the zone can hold (a small
     * part on a preheated board follows even the zone's lowest setpoint far faster than any ramp allows; the loop asks
     * for that only while the joint is at or above its plan), and on again once the air asked for is within its
     * range. {@link #commanded} is then {@link #OFF}.
     *
     * @param time s into the step, to remember when the zone came on
     */
    void tell(double air, double time) throws StationException {
        boolean off = commanded == OFF ? air < top.minCelsius() : air < top.minCelsius() - OFF_BELOW;
        if (!off && commanded == OFF) {
            engaged = time;
        }
        if (off) {
            if (commanded != OFF || top.isOn()) {
                top.off();
            }
            commanded = OFF;
        } else {
            commanded = Math.max(top.minCelsius(), air);
            top.setSetpoint(commanded);
        }
    }

    /** What the zone was last told, °C; {@link #OFF} while it is off. */
    double commanded() {
        return commanded;
    }

    /** When the zone was last turned on, s into the step; {@code -∞} before. */
    double engaged() {
        return engaged;
    }
}

/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.driver.k204.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.benchwright.driver.api.ChannelRole;
import org.benchwright.driver.api.Fault;
import org.benchwright.driver.api.HeaterZone;
import org.benchwright.driver.api.Sample;
import org.benchwright.driver.api.TemperatureChannel;
import org.benchwright.driver.api.support.PolledStation;
import org.benchwright.driver.api.support.PublishingChannel;
import org.benchwright.driver.serial.SerialLink;

/**
 * A K204-class thermometer as a station of four thermocouple channels and no heaters: polled at a fixed period,
 * each reading published with the meter's overload flag as an open circuit (the meter cannot tell an open
 * thermocouple from one above its range). Three readings missed in a row, or the line going away, are a
 * {@link Fault.Kind#LINK_LOST} fault, after which the channels stay silent: the engine's watchdog and interlocks act
 * on that.
 */
public final class K204Station extends PolledStation {

    /** Missed readings in a row that make a lost link. */
    static final int MISSES = 3;

    private final SerialLink link;
    private final int timeoutMillis;
    private final Map<Integer, PublishingChannel> channels = new LinkedHashMap<>();
    private int missed;

    /**
     * @param roles which channel (1-4) is on what; channels not named are not published
     */
    public K204Station(String id, SerialLink link, Map<Integer, ChannelRole> roles, int pollMillis, int timeoutMillis)
            throws IOException {
        super(id, pollMillis);
        this.link = link;
        this.timeoutMillis = timeoutMillis;
        for (int ch = 1; ch <= 4; ch++) {
            if (roles.containsKey(ch)) {
                channels.put(ch, new PublishingChannel("tc" + ch, roles.get(ch), pollPeriod()));
            }
        }
        K204Protocol.read(link, timeoutMillis); // it answers, or it is not there
        link.onDisconnect(() -> linkLost("the serial line went away"));
        startPolling();
    }

    @Override
    public List<HeaterZone> zones() {
        return List.of();
    }

    @Override
    public List<TemperatureChannel> channels() {
        return List.copyOf(channels.values());
    }

    @Override
    protected void poll() throws IOException {
        K204Protocol.Reading reading = K204Protocol.read(link, timeoutMillis);
        missed = 0;
        double time = now();
        for (Map.Entry<Integer, PublishingChannel> c : channels.entrySet()) {
            boolean flagged = reading.overload()[c.getKey() - 1];
            c.getValue().publish(new Sample(c.getValue().id(), time, flagged ? Double.NaN
                    : reading.celsius()[c.getKey() - 1], flagged, flagged));
        }
    }

    @Override
    protected void pollFailed(IOException e) {
        if (!link.isOpen() || ++missed >= MISSES) {
            linkLost(e.getMessage() + (link.isOpen() ? " (" + MISSES + " readings missed)" : ""));
        }
    }

    @Override
    protected void stopOutputs() {
        // no heaters
    }

    @Override
    protected void heatersOff() {
        // no heaters
    }

    @Override
    protected void release() {
        link.close();
    }
}

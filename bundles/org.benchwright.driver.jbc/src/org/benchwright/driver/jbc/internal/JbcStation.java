/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.driver.jbc.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.benchwright.driver.api.ChannelRole;
import org.benchwright.driver.api.Fault;
import org.benchwright.driver.api.HeaterZone;
import org.benchwright.driver.api.Sample;
import org.benchwright.driver.api.TemperatureChannel;
import org.benchwright.driver.api.ZoneRole;
import org.benchwright.driver.api.support.PolledStation;
import org.benchwright.driver.api.support.PolledZone;
import org.benchwright.driver.api.support.PublishingChannel;

/**
 * A JBC control unit as a station: each configured tool port a {@link ZoneRole#TIP} zone (select temperature, port
 * status) with its tip temperature as a channel, polled with the port's error code. A station that stops answering
 * or a line that goes away is a {@link Fault.Kind#LINK_LOST} fault; a tool error the station reports (a missing or
 * broken cartridge, an overload) is a {@link Fault.Kind#DEVICE_ERROR}.
 */
public final class JbcStation extends PolledStation {

    /** Port status written to put the tool to work, and to stop it (sleep). Check against the unit's manual. */
    public static final int STATUS_WORK = 1;
    public static final int STATUS_STOP = 0;

    private final JbcProtocol protocol;
    private final List<Port> ports = new ArrayList<>();

    public JbcStation(String id, JbcProtocol protocol, List<Integer> toolPorts, double minCelsius, double maxCelsius,
            int pollMillis) throws IOException {
        super(id, pollMillis);
        this.protocol = protocol;
        for (int port : toolPorts) {
            Port p = new Port(port, minCelsius, maxCelsius);
            protocol.write("PS", port, STATUS_STOP);
            p.polled(protocol.read("TT", port));
            ports.add(p);
        }
        protocol.link().onDisconnect(() -> linkLost("the serial line went away"));
        startPolling();
    }

    @Override
    public List<HeaterZone> zones() {
        return List.copyOf(ports);
    }

    @Override
    public List<TemperatureChannel> channels() {
        return ports.stream().map(p -> (TemperatureChannel) p.channel).toList();
    }

    @Override
    protected void poll() throws IOException {
        for (Port p : ports) {
            p.polled(protocol.read("TT", p.number));
            p.channel.publish(new Sample(p.channel.id(), now(), p.zoneCelsius(), false, false));
            int error = protocol.read("PE", p.number);
            if (error != 0 && error != p.error) {
                report(new Fault(p.id(), Fault.Kind.DEVICE_ERROR, now(), "port " + p.number + " reports tool error "
                        + error));
            }
            p.error = error;
        }
    }

    @Override
    protected void stopOutputs() throws IOException {
        for (Port p : ports) {
            protocol.write("PS", p.number, STATUS_STOP);
        }
    }

    @Override
    protected void heatersOff() {
        ports.forEach(PolledZone::markOff);
    }

    @Override
    protected void release() {
        protocol.link().close();
    }

    /** One tool port. */
    private final class Port extends PolledZone {
        private final int number;
        private final PublishingChannel channel;
        private volatile int error;

        Port(int number, double min, double max) {
            super(JbcStation.this, "port" + number, ZoneRole.TIP, min, max);
            this.number = number;
            this.channel = new PublishingChannel(id() + ".tip", ChannelRole.OTHER, pollPeriod());
        }

        @Override
        protected void apply(double celsius, boolean off) throws IOException {
            protocol.write("ST", number, (int) Math.round(celsius));
            if (off) {
                protocol.write("PS", number, STATUS_WORK);
            }
        }

        @Override
        protected void stop() throws IOException {
            protocol.write("PS", number, STATUS_STOP);
        }
    }

}

/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.driver.modbus.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.benchwright.driver.api.ChannelRole;
import org.benchwright.driver.api.Fault;
import org.benchwright.driver.api.HeaterZone;
import org.benchwright.driver.api.Sample;
import org.benchwright.driver.api.StationException;
import org.benchwright.driver.api.TemperatureChannel;
import org.benchwright.driver.api.ZoneRole;
import org.benchwright.driver.api.support.PolledStation;
import org.benchwright.driver.api.support.PolledZone;
import org.benchwright.driver.api.support.PublishingChannel;

/**
 * Temperature controllers on one Modbus RTU bus as a station: each controller a heater zone, its process value a
 * channel polled at a fixed period. A controller that stops answering (after the master's retries) or a bus that
 * goes away is a {@link Fault.Kind#LINK_LOST} fault: the station then tells every controller it can still reach to
 * stop its output, and refuses setpoints until it is opened again.
 */
public final class ModbusStation extends PolledStation {

    /** One controller on the bus: its zone role, address, profile and setpoint range. */
    public record Controller(ZoneRole role, int unit, ControllerProfile profile, double minCelsius, double maxCelsius) {
    }

    private final RtuMaster bus;
    private final List<Zone> zones = new ArrayList<>();

    /**
     * Opens the station: prepares each controller (fails when one does not answer) and starts polling.
     *
     * @param pollMillis the period of process-value reads, per controller
     */
    public ModbusStation(String id, RtuMaster bus, List<Controller> controllers, int pollMillis) throws StationException {
        super(id, pollMillis);
        this.bus = bus;
        for (Controller c : controllers) {
            Zone zone = new Zone(c);
            try {
                c.profile().prepare(bus, c.unit());
                c.profile().output(bus, c.unit(), false);
                zone.polled(c.profile().processValue(bus, c.unit()));
            } catch (IOException e) {
                throw new StationException(id + ": the " + c.role().name().toLowerCase(Locale.ROOT) + " controller ("
                        + c.profile().name() + ", unit " + c.unit() + ") does not answer: " + e.getMessage(), e);
            }
            zones.add(zone);
        }
        bus.link().onDisconnect(() -> linkLost("the serial line went away"));
        startPolling();
    }

    @Override
    public List<HeaterZone> zones() {
        return List.copyOf(zones);
    }

    @Override
    public List<TemperatureChannel> channels() {
        return zones.stream().map(z -> (TemperatureChannel) z.channel).toList();
    }

    /** The bus's counters: transactions, retries, timeouts, damaged answers. */
    public RtuMaster.Counters counters() {
        return bus.counters();
    }

    @Override
    protected void poll() throws IOException {
        for (Zone z : zones) {
            try {
                z.polled(z.controller.profile().processValue(bus, z.controller.unit()));
                z.channel.publish(new Sample(z.channel.id(), now(), z.zoneCelsius(), false, false));
            } catch (ModbusException e) {
                report(new Fault(z.id(), Fault.Kind.DEVICE_ERROR, now(), e.getMessage()));
            }
        }
    }

    @Override
    protected void stopOutputs() {
        for (Zone z : zones) {
            try {
                z.controller.profile().output(bus, z.controller.unit(), false);
            } catch (IOException e) {
                // unreachable controllers are the link fault itself; the others were told
            }
        }
    }

    @Override
    protected void heatersOff() {
        zones.forEach(PolledZone::markOff);
    }

    /** Some controllers on the bus may still hear: tell them to stop. */
    @Override
    protected void afterLinkLost() {
        if (bus.link().isOpen()) {
            stopOutputs();
        }
    }

    @Override
    protected void release() {
        bus.link().close();
    }

    /** A controller as a heater zone. */
    private final class Zone extends PolledZone {
        private final Controller controller;
        private final PublishingChannel channel;

        Zone(Controller controller) {
            super(ModbusStation.this, controller.role().name().toLowerCase(Locale.ROOT), controller.role(),
                    controller.minCelsius(), controller.maxCelsius());
            this.controller = controller;
            this.channel = new PublishingChannel(id() + ".pv",
                    controller.role() == ZoneRole.TOP ? ChannelRole.AIR : ChannelRole.OTHER, pollPeriod());
        }

        @Override
        protected void apply(double celsius, boolean off) throws IOException {
            controller.profile().setpoint(bus, controller.unit(), celsius);
            if (off) {
                controller.profile().output(bus, controller.unit(), true);
            }
        }

        @Override
        protected void stop() throws IOException {
            controller.profile().output(bus, controller.unit(), false);
        }
    }

}

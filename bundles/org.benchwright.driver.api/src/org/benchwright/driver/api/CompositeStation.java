/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.driver.api;

import java.util.List;

/**
 * One bench made of several drivers' stations: for example a hot-air top heater and a preheater on Modbus
 * controllers, and the thermocouples on a separate meter. Its zones and channels are the parts' together; a safe
 * state, a fault listener and closing reach every part; its clock is the first part's; a simulated part paces it.
 * Used by the command line and the workbench for station configurations; drivers need not know of it.
 */
public final class CompositeStation implements Station {

    private final String id;
    private final List<Station> parts;

    public CompositeStation(String id, List<Station> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException(id + ": a station needs at least one part");
        }
        this.id = id;
        this.parts = List.copyOf(parts);
    }

    public List<Station> parts() {
        return parts;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public List<HeaterZone> zones() {
        return parts.stream().flatMap(p -> p.zones().stream()).toList();
    }

    @Override
    public List<TemperatureChannel> channels() {
        return parts.stream().flatMap(p -> p.channels().stream()).toList();
    }

    /** The first part's cooling fan; {@code null} when no part has one. */
    @Override
    public Cooler cooler() {
        return parts.stream().map(Station::cooler).filter(c -> c != null).findFirst().orElse(null);
    }

    @Override
    public double now() {
        return parts.get(0).now();
    }

    /** Paced by its simulated part, if it has one (whose clock is the bench's); otherwise time passes by itself. */
    @Override
    public void pace(double seconds) {
        Station clock = parts.stream().filter(Station::simulated).findFirst().orElse(null);
        if (clock != null) {
            clock.pace(seconds);
        } else {
            Station.super.pace(seconds);
        }
    }

    @Override
    public void runAt(double speed) {
        parts.forEach(p -> p.runAt(speed));
    }

    @Override
    public boolean simulated() {
        return parts.stream().anyMatch(Station::simulated);
    }

    @Override
    public void safeState(String reason) {
        for (Station part : parts) {
            try {
                part.safeState(reason);
            } catch (RuntimeException e) {
                // a part that breaks its contract must not keep the others' heaters on
            }
        }
    }

    @Override
    public void addFaultListener(FaultListener listener) {
        parts.forEach(p -> p.addFaultListener(listener));
    }

    @Override
    public void removeFaultListener(FaultListener listener) {
        parts.forEach(p -> p.removeFaultListener(listener));
    }

    @Override
    public void close() {
        safeState("station closed");
        for (Station part : parts) {
            try {
                part.close();
            } catch (RuntimeException e) {
                // close the rest all the same
            }
        }
    }
}

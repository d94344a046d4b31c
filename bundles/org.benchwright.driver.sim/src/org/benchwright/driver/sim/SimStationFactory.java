/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.driver.sim;

import java.util.Map;

import org.benchwright.driver.api.Station;
import org.benchwright.driver.api.StationException;
import org.benchwright.driver.api.StationFactory;
import org.osgi.service.component.annotations.Component;

/**
 * Opens simulated stations. Configuration: {@code scenario} (chip-0603, bga-15mm, bga-35mm; default bga-15mm),
 * {@code seed} (the sensors' random noise; default 1), {@code sample} (ms between thermocouple samples, as a
 * meter polled at that period; default 250) and {@code fault} (faults on cue, see {@link FaultPlan}: {@code
 * open-tc@200C}, {@code link-lost@90s+noise@30s}). Registered as a {@link StationFactory} service of type {@code sim}.
 */
@Component(service = StationFactory.class)
public final class SimStationFactory implements StationFactory {

    @Override
    public String type() {
        return "sim";
    }

    @Override
    public Station open(Map<String, String> configuration) throws StationException {
        try {
            ThermalParameters parameters = ThermalParameters.named(configuration.getOrDefault("scenario", "bga-15mm"));
            long seed = Long.parseLong(configuration.getOrDefault("seed", "1"));
            double sample = Double.parseDouble(configuration.getOrDefault("sample",
                    String.valueOf(Math.round(SimStation.SAMPLE_PERIOD * 1000)))) / 1000;
            SimStation station = new SimStation(parameters, seed, sample);
            String fault = configuration.get("fault");
            if (fault != null) {
                station.plan(FaultPlan.parse(fault));
            }
            return station;
        } catch (IllegalArgumentException e) {
            throw new StationException("sim station: " + e.getMessage(), e);
        }
    }
}

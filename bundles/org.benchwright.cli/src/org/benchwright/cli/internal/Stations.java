/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.cli.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.benchwright.driver.api.Station;
import org.benchwright.driver.api.StationException;
import org.benchwright.driver.api.StationFactory;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * Opens the station a command names, through the {@link StationFactory} services the installed drivers register:
 * {@code sim}, {@code sim:bga-35mm} (a type, then settings: a scenario, or {@code key=value} pairs separated by
 * commas, for example {@code sim:scenario=chip-0603,seed=7}).
 */
final class Stations {

    private Stations() {
    }

    static Station open(String spec) throws StationException {
        int colon = spec.indexOf(':');
        String type = colon < 0 ? spec : spec.substring(0, colon);
        Map<String, String> settings = settings(colon < 0 ? "" : spec.substring(colon + 1));
        Map<String, StationFactory> factories = factories();
        StationFactory factory = factories.get(type);
        if (factory == null) {
            throw new StationException("no driver for station type '" + type + "'; installed: "
                    + (factories.isEmpty() ? "none" : String.join(", ", factories.keySet())));
        }
        return factory.open(settings);
    }

    private static Map<String, String> settings(String text) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String part : text.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq < 0) {
                settings.put("scenario", part.strip());
            } else {
                settings.put(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
            }
        }
        return settings;
    }

    /** The drivers installed now, by type. */
    static Map<String, StationFactory> factories() {
        Map<String, StationFactory> factories = new LinkedHashMap<>();
        Bundle bundle = FrameworkUtil.getBundle(Stations.class);
        BundleContext context = bundle == null ? null : bundle.getBundleContext();
        if (context == null) {
            return factories;
        }
        try {
            List<ServiceReference<StationFactory>> references = new ArrayList<>(
                    context.getServiceReferences(StationFactory.class, null));
            references.sort(Collections.reverseOrder()); // the highest ranking first
            for (ServiceReference<StationFactory> reference : references) {
                StationFactory factory = context.getService(reference);
                if (factory != null) {
                    factories.putIfAbsent(factory.type(), factory);
                }
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        return factories;
    }

    static String installed() {
        return factories().keySet().stream().collect(Collectors.joining(", "));
    }
}

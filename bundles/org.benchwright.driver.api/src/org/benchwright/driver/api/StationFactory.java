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

import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Opens stations of one type. Implemented by each driver bundle as an OSGi Declarative Services component
 * ({@code @Component(service = StationFactory.class)}); looked up by the engine and the command line by
 * {@link #type()}.
 */
@ConsumerType
public interface StationFactory {

    /** The type named in a station configuration, for example "sim" or "jbc". */
    String type();

    /**
     * Opens a station.
     *
     * @param configuration the driver's settings, for example a serial port and addresses
     * @throws StationException naming what is missing or wrong in the configuration, or what the device said
     */
    Station open(Map<String, String> configuration) throws StationException;
}

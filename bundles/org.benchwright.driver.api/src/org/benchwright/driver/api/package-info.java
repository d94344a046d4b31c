/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
/**
 * The driver SPI: what a rework station offers the engine. A vendor implements {@link StationFactory} as an OSGi
 * Declarative Services component and returns {@link Station}s made of {@link HeaterZone}s and
 * {@link TemperatureChannel}s; the engine calls them. Nothing here depends on the engine, EMF or a UI.
 *
 * <p>Rules every driver keeps: opening never blocks the caller for long; {@link Station#safeState(String)} works
 * from any thread, in any state, any number of times, and turns every heater off; a dead link or a broken sensor is
 * reported as a {@link Fault} to the {@link FaultListener}s, never swallowed.
 */
package org.benchwright.driver.api;

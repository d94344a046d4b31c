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
 * One moment of a running heat step, as a live display shows it.
 *
 * @param time      s into the step
 * @param reference what the profile asks of the joint now, °C
 * @param joint     the joint as the controller reads it, °C
 * @param component the package, °C; {@code NaN} without a package thermocouple
 * @param zone      the top zone's own temperature (its air, emitter or tip), °C
 */
public record HeatSample(double time, double reference, double joint, double component, double zone) {
}

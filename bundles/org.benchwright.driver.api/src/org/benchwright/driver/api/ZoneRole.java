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

/** Where a heater zone heats: from above (hot-air nozzle, IR head), from below (preheater), or an iron's tip. */
public enum ZoneRole {
    TOP, BOTTOM, TIP
}

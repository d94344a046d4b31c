/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
/** Serial ports for drivers, independent of any serial library: {@link org.benchwright.driver.serial.SerialPorts}. */
package org.benchwright.driver.serial;

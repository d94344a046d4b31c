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

/** No intact answer came from a controller within the timeout, after every retry. */
public final class ModbusTimeoutException extends IOException {

    private static final long serialVersionUID = 1L;

    public ModbusTimeoutException(String message) {
        super(message);
    }
}

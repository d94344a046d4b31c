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

/** A controller answered with a Modbus exception: it understood the question and refused it. */
public final class ModbusException extends IOException {

    private static final long serialVersionUID = 1L;

    private final int unit;
    private final int function;
    private final int code;

    public ModbusException(int unit, int function, int code) {
        super("unit " + unit + " refused function " + function + ": " + describe(code) + " (exception " + code + ")");
        this.unit = unit;
        this.function = function;
        this.code = code;
    }

    public int unit() {
        return unit;
    }

    public int function() {
        return function;
    }

    /** The exception code: 1 illegal function, 2 illegal data address, 3 illegal data value, 4 device failure... */
    public int code() {
        return code;
    }

    static String describe(int code) {
        return switch (code) {
            case 1 -> "illegal function";
            case 2 -> "illegal data address";
            case 3 -> "illegal data value";
            case 4 -> "device failure";
            case 5 -> "acknowledged, still working";
            case 6 -> "device busy";
            default -> "unknown exception";
        };
    }
}

/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.driver.serial.internal;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import org.benchwright.driver.serial.LineSettings;
import org.benchwright.driver.serial.SerialLink;
import org.benchwright.driver.serial.SerialPorts;
import org.osgi.service.component.annotations.Component;

import com.fazecast.jSerialComm.SerialPort;

/** The {@link SerialPorts} service on jSerialComm. */
@Component(service = SerialPorts.class)
public final class JSerialCommPorts implements SerialPorts {

    @Override
    public List<String> list() {
        return Arrays.stream(SerialPort.getCommPorts()).map(SerialPort::getSystemPortPath).toList();
    }

    @Override
    public SerialLink open(String path, LineSettings settings) throws IOException {
        SerialPort port = SerialPort.getCommPort(path);
        port.setComPortParameters(settings.baud(), settings.dataBits(),
                settings.stopBits() == 2 ? SerialPort.TWO_STOP_BITS : SerialPort.ONE_STOP_BIT,
                switch (settings.parity()) {
                    case NONE -> SerialPort.NO_PARITY;
                    case EVEN -> SerialPort.EVEN_PARITY;
                    case ODD -> SerialPort.ODD_PARITY;
                });
        port.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, JSerialCommLink.SLICE_MILLIS, 0);
        if (!port.openPort()) {
            throw new IOException(path + ": cannot open the serial port (" + reason(port.getLastErrorCode()) + ")");
        }
        return new JSerialCommLink(port, path, settings);
    }

    private static String reason(int errno) {
        return switch (errno) {
            case 2 -> "no such device";
            case 13 -> "permission denied: is the user in the dialout group?";
            case 16 -> "busy: another program has it open";
            case 0 -> "the device did not answer the open";
            default -> "error " + errno;
        };
    }
}

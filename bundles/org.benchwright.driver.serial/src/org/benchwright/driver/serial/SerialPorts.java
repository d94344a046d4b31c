/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.driver.serial;

import java.io.IOException;
import java.util.List;

/**
 * The serial ports of this computer: an OSGi service every driver uses, so that no driver depends on a serial
 * library. Implemented by this bundle (on jSerialComm); called by drivers.
 */
public interface SerialPorts {

    /** The ports the system lists, by path; pseudo-terminals are not listed but open by path all the same. */
    List<String> list();

    /**
     * Opens a port by path.
     *
     * @throws IOException naming the port and why it cannot be opened (missing, busy, no permission)
     */
    SerialLink open(String path, LineSettings settings) throws IOException;
}

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

import java.io.IOException;

import org.benchwright.engine.registry.FilePersonnelRegistry;
import org.benchwright.engine.registry.PersonnelRegistry;
import org.benchwright.model.Technician;

/** Finding a person in a personnel register, with a message that says where they were looked for. */
final class People {

    private People() {
    }

    static Technician find(PersonnelRegistry people, String id) throws IOException {
        return people.technician(id).orElseThrow(() -> new IOException("no technician '" + id + "' in "
                + people.where() + (people instanceof FilePersonnelRegistry ? ""
                        : " (bring a personnel register in with: benchwright store import --personnel <file.xmi>)")));
    }
}

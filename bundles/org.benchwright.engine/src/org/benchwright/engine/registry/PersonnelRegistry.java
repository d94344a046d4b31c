/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.engine.registry;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import org.benchwright.model.Technician;

/**
 * Who works at the benches and what they are certified for. Implemented by registries (a file now, a database
 * later); called by the engine's gating and by the command line.
 */
public interface PersonnelRegistry {

    /** The technician with this id, as the registry holds them now. */
    Optional<Technician> technician(String id) throws IOException;

    List<Technician> technicians() throws IOException;

    /** Where the people are kept, as a message names it: a file, or the plant store. */
    String where();
}

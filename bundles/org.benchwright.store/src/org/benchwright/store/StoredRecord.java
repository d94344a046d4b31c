/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.store;

import java.time.Instant;
import java.util.List;

/**
 * A job's record as the plant store holds it, its chain checked again as it is read: the store took each entry only
 * when it continued the chain, so a problem here means the database itself was changed.
 *
 * @param lines    its entries, as the bench wrote them, in order
 * @param received when the store took each of them
 * @param problem  {@code null} when the chain is intact; else what is wrong, and at which entry
 */
public record StoredRecord(String job, List<String> lines, List<Instant> received, String problem) {

    public boolean intact() {
        return problem == null;
    }

    /** "intact, 412 entries" or "BROKEN: ...". */
    public String describe() {
        return problem == null ? "intact, " + lines.size() + " entries" : "BROKEN: " + problem;
    }
}

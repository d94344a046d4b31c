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

/** A unit that has an open job already: at most one job per unit at a time, whatever bench asks. */
public final class UnitLockedException extends StoreException {

    private static final long serialVersionUID = 1L;

    private final UnitLock holder;

    public UnitLockedException(UnitLock holder) {
        super("unit " + holder.unit() + " has an open job already: " + holder.job() + " at " + holder.bench() + " since "
                + holder.since());
        this.holder = holder;
    }

    /** Who holds the unit. */
    public UnitLock holder() {
        return holder;
    }
}

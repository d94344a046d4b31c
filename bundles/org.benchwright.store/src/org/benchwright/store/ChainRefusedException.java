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

/**
 * An entry that does not continue its job's chain as the store holds it: a forked or edited journal, or entries sent
 * out of order. The bench reports it; the store keeps what it had.
 */
public final class ChainRefusedException extends StoreException {

    private static final long serialVersionUID = 1L;

    public ChainRefusedException(String message) {
        super(message);
    }
}

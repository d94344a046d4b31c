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

/** A store whose schema a later program wrote: this program could misread it, so it refuses to touch it. */
public final class SchemaTooNewException extends StoreException {

    private static final long serialVersionUID = 1L;

    public SchemaTooNewException(String location, int found, int known) {
        super(location + " has schema version " + found + ", newer than the " + known + " this program knows: "
                + "update Benchwright on this bench before it uses this store");
    }
}

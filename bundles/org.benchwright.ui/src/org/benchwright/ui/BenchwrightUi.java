/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.ui;

/** Identifiers of the workbench's contributions, for other bundles and tests. */
public final class BenchwrightUi {

    /** The product: Eclipse's IDE application branded as Benchwright. */
    public static final String PRODUCT_ID = "org.benchwright.ui.workbench";

    /** The perspective engineers author procedures, materials and profiles in. */
    public static final String ENGINEERING_PERSPECTIVE_ID = "org.benchwright.ui.perspective.engineering";

    private BenchwrightUi() {
    }
}

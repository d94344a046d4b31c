/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.ui.editor.internal;

import org.eclipse.swt.graphics.Color;

/** The editor's and the views' colours: fixed RGB values, so no system resources need disposing. */
public final class Colours {

    static final Color KEYWORD = new Color(0x7f, 0x00, 0x55);
    static final Color STRING = new Color(0x2a, 0x6e, 0x1f);
    static final Color COMMENT = new Color(0x6a, 0x73, 0x7d);
    static final Color NUMBER = new Color(0x1c, 0x4f, 0xb8);
    static final Color DECLARATION = new Color(0x00, 0x00, 0x00);
    static final Color REFERENCE = new Color(0x8a, 0x4b, 0x00);
    static final Color TRADE_WORD = new Color(0x00, 0x6b, 0x75);

    public static final Color PLAN = new Color(0x1c, 0x4f, 0xb8);
    public static final Color LIQUIDUS = new Color(0xc0, 0x39, 0x2b);
    public static final Color WINDOW = new Color(0xfa, 0xdb, 0xd8);
    public static final Color SOAK = new Color(0xe8, 0xf1, 0xfb);
    public static final Color GRID = new Color(0xdd, 0xdd, 0xdd);
    public static final Color TEXT = new Color(0x33, 0x33, 0x33);

    private Colours() {
    }
}

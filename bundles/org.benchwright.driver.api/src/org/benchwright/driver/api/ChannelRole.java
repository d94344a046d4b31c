/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.driver.api;

/** What a temperature channel is attached to; the engine closes its heat loop on the joint. */
public enum ChannelRole {
    JOINT, COMPONENT, BOARD, AIR, OTHER
}

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

import org.osgi.annotation.versioning.ProviderType;

/** Told of every fault a station detects. Implemented by the engine; called by drivers, from any thread. */
@ProviderType
@FunctionalInterface
public interface FaultListener {

    void faulted(Fault fault);
}

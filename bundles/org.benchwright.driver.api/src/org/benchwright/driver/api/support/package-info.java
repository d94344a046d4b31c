/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
/**
 * Building blocks for driver implementers (not used by the engine): a polled station skeleton and a publishing
 * channel.
 */
package org.benchwright.driver.api.support;

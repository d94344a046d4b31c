/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.dsl.scoping;


/** Scopes of the language: qualified names, resolved through the file's package and imports. */
public class BenchwrightScopeProvider extends AbstractBenchwrightScopeProvider {

}

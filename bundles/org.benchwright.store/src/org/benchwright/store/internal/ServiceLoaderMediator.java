/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.store.internal;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkUtil;

/**
 * Starts Aries SPI Fly, the OSGi ServiceLoader mediator that Liquibase needs to find its own services, when a store
 * is first opened rather than at every start of the product: its weaving hook looks at every class any bundle
 * defines, which cost a command that never opens a store about a fifth of its start (0.3 s of `--version`, 0.5 s of
 * a small `validate`). It must run before the first Liquibase class is loaded, so that those classes are woven.
 */
public final class ServiceLoaderMediator {

    static final String BUNDLE = "org.apache.aries.spifly.dynamic.bundle";

    private ServiceLoaderMediator() {
    }

    /**
     * Starts the mediator unless it runs already (as the tests' launch configurations start it), for this run of the
     * framework only; nothing outside OSGi.
     *
     * @throws IllegalStateException when it is not installed or will not start: the store could not migrate
     */
    public static synchronized void start() {
        Bundle self = FrameworkUtil.getBundle(ServiceLoaderMediator.class);
        if (self == null || self.getBundleContext() == null) {
            return;
        }
        for (Bundle b : self.getBundleContext().getBundles()) {
            if (BUNDLE.equals(b.getSymbolicName())) {
                if (b.getState() != Bundle.ACTIVE) {
                    try {
                        b.start(Bundle.START_TRANSIENT);
                    } catch (BundleException e) {
                        throw new IllegalStateException("the ServiceLoader mediator " + BUNDLE + " does not start ("
                                + e.getMessage() + "): the plant store's schema cannot be migrated", e);
                    }
                }
                return;
            }
        }
        throw new IllegalStateException("the ServiceLoader mediator " + BUNDLE + " is not installed: the plant "
                + "store's schema cannot be migrated");
    }
}

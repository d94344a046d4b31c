/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.driver.testkit;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** Looks up OSGi services from a test, waiting for Declarative Services to register them. */
public final class Services {

    private Services() {
    }

    /**
     * The service of a type, as a driver's component would get it injected.
     *
     * @throws IllegalStateException naming the type when none is registered within 10 s
     */
    public static <T> T get(Class<T> type) {
        Bundle bundle = FrameworkUtil.getBundle(Services.class);
        BundleContext context = bundle == null ? null : bundle.getBundleContext();
        if (context == null) {
            throw new IllegalStateException("not running in OSGi: no " + type.getName() + " service");
        }
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        try {
            T service = tracker.waitForService(10_000);
            if (service == null) {
                throw new IllegalStateException("no " + type.getName() + " service within 10 s: is its bundle "
                        + "installed, and Declarative Services (org.apache.felix.scr) started?");
            }
            return service;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.driver.api.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.benchwright.driver.api.Station;
import org.benchwright.driver.serial.SerialPorts;
import org.benchwright.driver.testkit.StationConformanceKit;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.Version;

/**
 * The driver SDK's compatibility promise, kept by the build: each SDK bundle's exported API against the last released
 * SDK's ({@code baseline/<bundle>.api}). A change that would break a driver built against the release fails the build
 * unless its package's version says so; the current signature goes to {@code target/api/} either way, to become the
 * baseline when the SDK is released.
 */
class ApiBaselineTest {

    @Test
    void theSdksApiKeepsItsPromiseToDriversBuiltAgainstTheLastRelease() throws Exception {
        List<String> problems = new ArrayList<>();
        for (Class<?> member : List.of(Station.class, SerialPorts.class, StationConformanceKit.class)) {
            Bundle bundle = FrameworkUtil.getBundle(member);
            List<String> current = ApiSignature.of(bundle);
            Path written = Path.of("target", "api", bundle.getSymbolicName() + ".api");
            Files.createDirectories(written.getParent());
            Files.write(written, current);
            assertFalse(current.isEmpty(), bundle.getSymbolicName() + " exports nothing");
            List<String> baseline = baseline(bundle.getSymbolicName());
            if (baseline == null) {
                problems.add(bundle.getSymbolicName() + ": no released API in baseline/ (copy " + written
                        + " there when the SDK is released)");
                continue;
            }
            for (ApiSignature.Verdict v : ApiSignature.compare(baseline, current)) {
                if (!v.ok()) {
                    problems.add(v.pkg() + " " + v.current() + " must be at least " + v.required() + " (released: "
                            + v.baseline() + "):\n    " + String.join("\n    ", v.reasons()));
                }
            }
        }
        if (!problems.isEmpty()) {
            fail("the driver SDK breaks its promise to drivers built against the last release; raise these packages'"
                    + " versions in their MANIFEST.MF (and the drivers' import ranges where the change breaks them),"
                    + " or undo the change:\n  " + String.join("\n  ", problems));
        }
    }

    @Test
    void breakingChangesAndAdditionsAreToldApart() {
        List<String> release = List.of("package p.api 1.2.0",
                "type p.api.Station interface consumer",
                "member p.api.Station method abstract java.lang.String id()",
                "type p.api.Zone interface provider",
                "member p.api.Zone method abstract double celsius()");
        // nothing changed: the released version will do
        assertTrue(ApiSignature.compare(release, release).get(0).ok());
        // a method removed breaks drivers: the next major
        List<String> removed = new ArrayList<>(release);
        removed.remove("member p.api.Zone method abstract double celsius()");
        ApiSignature.Verdict v = ApiSignature.compare(release, removed).get(0);
        assertFalse(v.ok());
        assertEquals(new Version(2, 0, 0), v.required());
        assertTrue(v.reasons().get(0).contains("removed or changed: p.api.Zone method abstract double celsius()"),
                v.reasons().toString());
        // an abstract method added to an interface drivers implement breaks them too
        List<String> consumer = new ArrayList<>(release);
        consumer.add("member p.api.Station method abstract void close()");
        assertEquals(new Version(2, 0, 0), ApiSignature.compare(release, consumer).get(0).required());
        // added to an interface only Benchwright implements, or a default method: a minor change
        List<String> provider = new ArrayList<>(release);
        provider.add("member p.api.Zone method abstract double setpoint()");
        provider.add("member p.api.Station method default java.lang.String label()");
        v = ApiSignature.compare(release, provider).get(0);
        assertEquals(ApiSignature.Change.MINOR, v.change());
        assertEquals(new Version(1, 3, 0), v.required());
        assertFalse(v.ok());
        // with its version raised, the addition passes
        List<String> raised = provider.stream().map(l -> l.equals("package p.api 1.2.0") ? "package p.api 1.3.0" : l)
                .collect(Collectors.toList());
        assertTrue(ApiSignature.compare(release, raised).get(0).ok());
        // while 0.x (imported [0.2, 0.3)): a break takes the next minor, an addition the next micro
        List<String> early = release.stream().map(l -> l.replace("1.2.0", "0.2.0")).toList();
        List<String> earlyRemoved = removed.stream().map(l -> l.replace("1.2.0", "0.2.0")).toList();
        assertEquals(new Version(0, 3, 0), ApiSignature.compare(early, earlyRemoved).get(0).required());
        List<String> earlyAdded = provider.stream().map(l -> l.replace("1.2.0", "0.2.0")).toList();
        assertEquals(new Version(0, 2, 1), ApiSignature.compare(early, earlyAdded).get(0).required());
    }

    /** The released API of {@code bundle}; {@code null} when there is none. */
    private static List<String> baseline(String bundle) throws IOException {
        URL entry = FrameworkUtil.getBundle(ApiBaselineTest.class).getEntry("baseline/" + bundle + ".api");
        if (entry == null) {
            return null;
        }
        try (InputStream in = entry.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()
                    && !l.startsWith("#")).toList();
        }
    }
}

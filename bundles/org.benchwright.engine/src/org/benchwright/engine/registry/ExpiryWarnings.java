/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.engine.registry;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.benchwright.model.Certification;
import org.benchwright.model.Technician;

/**
 * Certifications coming up for renewal: a warning 60 days before a certification expires, another at 30, and the
 * expired ones (IPC-7711/7721 certifications are valid 24 months; a technician needs recertification before then).
 */
public final class ExpiryWarnings {

    /** The first and the last warning, days before expiry. */
    public static final int FIRST = 60;
    public static final int LAST = 30;

    /** One certification's standing on a day. */
    public record Warning(Technician technician, Certification certification, long daysLeft) {

        public boolean expired() {
            return daysLeft < 0;
        }

        /** "expired", "30 days" or "60 days": which warning this is. */
        public String level() {
            return expired() ? "expired" : daysLeft <= LAST ? LAST + " days" : FIRST + " days";
        }

        @Override
        public String toString() {
            String cert = certification.getLevel().getLiteral() + " " + (certification.getNumber() == null ? ""
                    : certification.getNumber());
            return technician.getId() + " (" + technician.getFullName() + "): " + cert.strip() + (expired()
                    ? " expired on " + certification.getExpires() + ", " + -daysLeft + " days ago"
                    : " expires on " + certification.getExpires() + ", in " + daysLeft + " days");
        }
    }

    private ExpiryWarnings() {
    }

    /** Every certification within {@link #FIRST} days of expiry or past it, on {@code today}, soonest first. */
    public static List<Warning> on(List<Technician> technicians, LocalDate today) {
        List<Warning> warnings = new ArrayList<>();
        for (Technician t : technicians) {
            for (Certification c : t.getCertifications()) {
                boolean renewed = t.getCertifications().stream().anyMatch(o -> o != c && o.getLevel() == c.getLevel()
                        && o.getExpires().isAfter(c.getExpires()));
                if (renewed) {
                    continue; // a newer certification of the same level replaced it
                }
                long days = ChronoUnit.DAYS.between(today, c.getExpires());
                if (days <= FIRST) {
                    warnings.add(new Warning(t, c, days));
                }
            }
        }
        warnings.sort(Comparator.comparingLong(Warning::daysLeft));
        return warnings;
    }
}

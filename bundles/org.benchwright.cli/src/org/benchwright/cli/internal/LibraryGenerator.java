/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.cli.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a library of about the requested number of lines for the benchmark: one file of alloys, materials and
 * equipment, and files of profiles and procedures (about 2,000 lines each) that import it and validate clean.
 */
public final class LibraryGenerator {

    private static final String SHARED = """
            package shared

            alloy SAC305 { lead-free solidus 217 C liquidus 220 C tip 345 C .. 400 C }
            flux Gel { class ROL0 no-clean for SAC305 }
            solder-wire Wire { alloy SAC305 diameter 0.5 mm }
            epoxy Glue { cure 1 h at 65 C }
            coating Xy is parylene { removal micro-abrasion, laser }
            equipment ir is focused-ir {
                capabilities focused-ir, bottom-preheater, profile-control
                zone top 50 C .. 450 C ramp at most 4 C/s
                zone bottom 50 C .. 300 C ramp at most 2 C/s
            }
            equipment iron is soldering-station { zone tip 200 C .. 450 C }
            """;

    /** A profile and a procedure, 57 lines; %d is the block's number. */
    private static final String BLOCK = """
            profile P%1$d "Profile %1$d" for SAC305 {
                zone bottom hold 150 C
                ramp to 150 C at 1 C/s
                soak 150 C .. 180 C for 60 s .. 90 s
                ramp to peak at 1 C/s
                reflow peak 235 C .. 245 C above liquidus 60 s .. 90 s
                cool at 2 C/s to 100 C
                limits {
                    ramp-up at most 3 C/s
                    ramp-down at most 6 C/s
                    within 5 C of peak at most 30 s
                    peak within 8 min
                }
            }

            component U%1$d {
                family BGA
                thickness 1.2 mm
                volume 300 mm3
                msl MSL3
            }

            procedure proc-%1$d "Procedure %1$d" {
                reference IPC-7711 rev D "BGA Removal"
                activity rework
                skill expert
                conformance high
                classes 1, 2, 3
                components BGA
                modules 1, 8
                equipment ir with bottom-preheater, iron
                materials Gel, Wire, Glue
                parts U%1$d
                operation prepare {
                    check-floor-life msl part U%1$d "Check floor life; bake if exceeded"
                    remove-coating strip coating Xy by laser
                    use gel material Gel capture-lot
                }
                operation remove {
                    heat reflow with P%1$d on ir control on joint part U%1$d
                    step "Lift the part at peak"
                }
                operation repair {
                    heat wick with Tip on iron "Dress the pads"
                    cure material Glue at 65 C for 1 h
                }
                operation inspect {
                    inspect site "Pads intact, no lifted lands" magnification 10x
                }
            }

            """;

    private static final int BLOCKS_PER_FILE = 35;

    private LibraryGenerator() {
    }

    /**
     * Writes {@code shared.bw} and as many {@code generated<n>.bw} files (about 2,000 lines each) as make about
     * {@code lines} lines in {@code folder}.
     *
     * @return the files written, {@code shared.bw} first
     */
    public static List<Path> generate(Path folder, int lines) throws IOException {
        Files.createDirectories(folder);
        List<Path> files = new ArrayList<>();
        Path shared = folder.resolve("shared.bw");
        Files.writeString(shared, SHARED, StandardCharsets.UTF_8);
        files.add(shared);
        int blockLines = (int) BLOCK.lines().count();
        int blocks = Math.max(1, (lines - (int) SHARED.lines().count()) / blockLines);
        for (int file = 0; file * BLOCKS_PER_FILE < blocks; file++) {
            StringBuilder text = new StringBuilder("package generated").append(file)
                    .append("\nimport shared.*\n\nprofile Tip for SAC305 { zone tip hold 370 C hold 370 C for 4 s }\n\n");
            for (int b = file * BLOCKS_PER_FILE; b < Math.min(blocks, (file + 1) * BLOCKS_PER_FILE); b++) {
                text.append(BLOCK.formatted(b));
            }
            Path path = folder.resolve("generated" + file + ".bw");
            Files.writeString(path, text, StandardCharsets.UTF_8);
            files.add(path);
        }
        return files;
    }
}

package io.dashplane.server.cli.progress;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** The {@code --progress} option of the commands that show progress (a picocli mixin). */
public final class ProgressOption {
    @Option(names = "--progress", paramLabel = "auto|bar|plain", defaultValue = "auto",
            converter = Converter.class, completionCandidates = Candidates.class,
            description = "How progress is shown on stderr: a bar on a terminal and plain lines otherwise (auto, "
                    + "the default), always a bar, or always plain lines.")
    ProgressMode mode = ProgressMode.AUTO;

    public ProgressMode mode() {
        return mode;
    }

    static final class Converter implements ITypeConverter<ProgressMode> {
        @Override
        public ProgressMode convert(String value) {
            try {
                return ProgressMode.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("expected auto, bar or plain, not '" + value + "'");
            }
        }
    }

    static final class Candidates implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(ProgressMode.values()).map(m -> m.name().toLowerCase(Locale.ROOT)).iterator();
        }
    }
}

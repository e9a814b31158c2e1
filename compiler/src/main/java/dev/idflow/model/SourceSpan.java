package dev.idflow.model;

/**
 * A place in a policy file: the file's logical path (relative to the policy root,
 * {@code /}-separated), and 1-based line and column of the first character and of
 * the position just after the last one. Columns count Unicode code points.
 */
public record SourceSpan(String file, int startLine, int startCol, int endLine, int endCol)
        implements Comparable<SourceSpan> {

    public SourceSpan {
        if (file == null) {
            throw new IllegalArgumentException("file");
        }
        if (startLine < 1 || startCol < 1) {
            throw new IllegalArgumentException("positions are 1-based: " + startLine + ":" + startCol);
        }
        if (endLine < startLine || (endLine == startLine && endCol < startCol)) {
            endLine = startLine;
            endCol = startCol;
        }
    }

    /** A span of one position, for places that have no extent (the start of a file). */
    public static SourceSpan point(String file, int line, int col) {
        return new SourceSpan(file, line, col, line, col);
    }

    /** The span from the start of this one to the end of {@code other}. */
    public SourceSpan to(SourceSpan other) {
        return new SourceSpan(file, startLine, startCol, other.endLine, other.endCol);
    }

    @Override
    public int compareTo(SourceSpan o) {
        int c = file.compareTo(o.file);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(startLine, o.startLine);
        return c != 0 ? c : Integer.compare(startCol, o.startCol);
    }

    @Override
    public String toString() {
        return file + ":" + startLine + ":" + startCol;
    }
}

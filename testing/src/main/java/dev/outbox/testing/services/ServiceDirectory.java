package dev.outbox.testing.services;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;

/**
 * A temporary directory a private service lives in: readable by the service users (postgres,
 * rabbitmq), with sub-directories and files owned by them, deleted as a whole by {@link #close()}.
 */
public final class ServiceDirectory implements AutoCloseable {

  private final Path root;

  private ServiceDirectory(Path root) {
    this.root = root;
  }

  /** A new directory under the system's temporary directory, named after {@code prefix}. */
  public static ServiceDirectory create(String prefix) {
    try {
      Path root = Files.createTempDirectory(prefix + "-");
      // Others may traverse it, so that the service users reach what is theirs inside.
      Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
      return new ServiceDirectory(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Path root() {
    return root;
  }

  /** {@code name}, a new sub-directory owned by {@code user} and only accessible to it. */
  public Path ownedDirectory(String name, String user) {
    try {
      Path dir = Files.createDirectories(root.resolve(name));
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
      own(dir, user);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A copy of {@code file} in {@code dir}, owned by {@code user}, readable by it alone. */
  public Path ownedCopy(Path file, Path dir, String user) {
    try {
      Path copy =
          Files.copy(file, dir.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-------"));
      own(copy, user);
      return copy;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void own(Path path, String user) throws IOException {
    UserPrincipalLookupService users = path.getFileSystem().getUserPrincipalLookupService();
    PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
    view.setOwner(users.lookupPrincipalByName(user));
    view.setGroup(users.lookupPrincipalByGroupName(user));
  }

  /** Deletes the directory and everything in it. */
  @Override
  public void close() {
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              Files.delete(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
              Files.delete(dir);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException("could not delete " + root, e);
    }
  }
}

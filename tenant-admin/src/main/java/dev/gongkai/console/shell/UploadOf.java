package dev.gongkai.console.shell;

import dev.gongkai.contract.UploadKind;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The kind of upload a handler takes: its files are held to that kind's limit, and a file over it gets the page that
 * names that limit ({@link UploadLimit}), whether the container refused the body or the handler's kind did.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface UploadOf {

    UploadKind value();
}

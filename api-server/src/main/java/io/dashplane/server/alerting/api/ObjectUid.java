package io.dashplane.server.alerting.api;

import io.dashplane.schema.Uid;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A uid of the shared identity rule ({@link Uid}), or null; the violation says what is wrong with it. */
@Target({ElementType.METHOD, ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ObjectUid.Check.class)
public @interface ObjectUid {
    String message() default "uid must be 1-40 characters of [A-Za-z0-9_-]";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<ObjectUid, String> {
        @Override
        public boolean isValid(String uid, ConstraintValidatorContext context) {
            String problem = uid == null ? null : Uid.problem(uid);
            if (problem == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(escape(problem)).addConstraintViolation();
            return false;
        }

        /** The message is literal text, not a message template. */
        private static String escape(String text) {
            return text.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
        }
    }
}

package org.fundguard;

import java.util.Arrays;
import org.fundguard.generator.DataGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * FundGuard's entry point. {@code screen} runs the nightly job (Spring Boot, Spring Batch);
 * {@code generate} writes a synthetic extract set without starting Spring.
 */
@SpringBootApplication
public class FundGuardApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("generate")) {
            System.exit(DataGenerator.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        System.exit(SpringApplication.exit(SpringApplication.run(FundGuardApplication.class, args)));
    }
}

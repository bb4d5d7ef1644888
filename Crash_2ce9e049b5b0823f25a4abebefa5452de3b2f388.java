import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

public class Crash_2ce9e049b5b0823f25a4abebefa5452de3b2f388 {
    static final String base64Bytes = String.join("", "/9j/4AAQSkZJRgABAgAAAQABAAD/2wBDAAUDBAQEAwUEBAQFBQUGBwwIBwcHBw8KCwkMEQ8SEhEPERATFhwXExQaFRARGCEYGhwdHx8fExciMaHwQXGRsf/aAAgBAwEBPxCEQI06fEryUOwBsmpkssrMWPckIh4kHB4fHv/bAEMBBQUFBwYHDggIDh4UERQeHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHv/CABEIABEAGAMBEQACEQEDEQH/xAAYAAADAQEAAAAAAAAAAAAAAAADBAUBBv/EABgBAAMBAQAAAAAAAAAAAAAAAAMEBQIG/9oADAMBAAIQAxAAAAEXL9VhxdY7PixaqjGK9FMUR5FnJKIP/8QAHhAAAgEDBQAAAAAAAAAAAAAAAQIFAAM0BAYREiH/2gAIAQEAAQUCW3V5QJJnNmH6+OOdbMkpBUcrcWN//8QAHxEAAQMDBQAAAAAAAAAAAAAAAgABBBASMgMRITNx/9oACAEDAQE/AdkGCtY9YRej8C6itdJ8oeDqB2mv/8QAHBEAAgICAwAAAAAAAAAAAAAAAAECEQMhEDEz/9oACAECAQE/AXPZJ2YtQbRYnZ1i4gT84n//xAAkEAACBwEDBAAAAAAAAAAAAAABAAIRAxIEECFDYXGBkbHB8P/aAAgBAQAGPwKVIEXQ7vqsTVDrTbaDMZNPDQHhMMq6/dMmrAcn+l//xAAiEAABAwIGAwAAAAAAAAAAAAABABEhMVEQQWFxscGh4fD/2gAIAQEAAT8hiFBhmysiBkhbB2Wm6rCYg3mNUAAAAAAAAAKBZSuIq3on1mENgBPIYeB0b2Zmc2V0IDM5MQIAAwkAABCORjCf/8QAHhEAAgEEAwEAAAAAAAAAAAAAAAERITGh8EFxkbH/2gAIAQMBAT8QhECNOnxK8lDsAbJqZLLKzFj3Irmjs+A//8QAHREBAAEEAwEAAAAAAAAAAAAAAQAQETGxQWGBof/aAAgBAgEBPxBG6BYnX2JogwPJZy5acZtbn//EAB8QAQACAgICAwAAAAAAAAAAAAERIQAyQWEQgVGR8P/aAAgBAQABPxBJsiCTQAA7oA9ZMUd5YVCWVtYdW2GnoQsme0Ct48pp847DLDwoCPrbFnQuJmcya4UXHEjx6z8/bwM//9k=");

    public static void main(String[] args) throws Throwable {
        Crash_2ce9e049b5b0823f25a4abebefa5452de3b2f388.class.getClassLoader().setDefaultAssertionStatus(true);
        try {
            Method fuzzerInitialize = dev.lamina.fuzzold.OldFuzzer.class.getMethod("fuzzerInitialize");
            fuzzerInitialize.invoke(null);
        } catch (NoSuchMethodException ignored) {
            try {
                Method fuzzerInitialize = dev.lamina.fuzzold.OldFuzzer.class.getMethod("fuzzerInitialize", String[].class);
                fuzzerInitialize.invoke(null, (Object) args);
            } catch (NoSuchMethodException ignored1) {
            } catch (IllegalAccessException | InvocationTargetException e) {
                e.printStackTrace();
                System.exit(1);
            }
        } catch (IllegalAccessException | InvocationTargetException e) {
            e.printStackTrace();
            System.exit(1);
        }
        byte[] input = java.util.Base64.getDecoder().decode(base64Bytes);
        dev.lamina.fuzzold.OldFuzzer.fuzzerTestOneInput(input);
    }
}
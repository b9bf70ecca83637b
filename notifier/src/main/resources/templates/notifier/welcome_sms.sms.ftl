Welcome! Your account for ${email} is ready. We sent you an email to confirm your address.

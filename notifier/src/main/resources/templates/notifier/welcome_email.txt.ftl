Welcome!

Your account for ${email} is ready. Please confirm that this address is yours
by opening the link below (valid until ${expires_at}):

${verification_link}

If you did not sign up, ignore this email.

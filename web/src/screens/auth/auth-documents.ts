/** The operations that open and close a session. */
import { graphql } from '../../__generated__/gql';

export const RegisterMutation = graphql(`
  mutation Register($email: String!, $password: String!, $displayName: String!, $timeZone: String) {
    register(email: $email, password: $password, displayName: $displayName, timeZone: $timeZone) {
      accessToken
      accessTokenExpiresAt
      refreshToken
      refreshTokenExpiresAt
      user {
        id
        displayName
      }
    }
  }
`);

export const LoginMutation = graphql(`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      accessToken
      accessTokenExpiresAt
      refreshToken
      refreshTokenExpiresAt
      user {
        id
        displayName
      }
    }
  }
`);

export const LogoutMutation = graphql(`
  mutation Logout($refreshToken: String!) {
    logout(refreshToken: $refreshToken)
  }
`);

export { UsersList, type UsersListProps, type UsersListState } from './UsersList'
